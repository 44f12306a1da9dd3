from seqstudio_indrnn.plugin import INDRNN

from seqstudio.plugins import create_registry
from seqstudio.testing import check_cell


def test_indrnn_meets_the_contract():
    report = check_cell(INDRNN, {"units": 4})
    assert report.formulas == ["3·4 + 4 + 4 = 20"]
    assert report.checks == ["build", "shapes", "formula", "reference", "round trip"]


def test_indrnn_is_discovered_through_its_entry_point():
    registry = create_registry()
    assert registry.cell_type("indrnn").plugin == "indrnn"
