from seqstudio.cli import main

raise SystemExit(main())
