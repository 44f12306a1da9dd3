"""The data layer: files in, :class:`~seqstudio.data.dataset.Dataset` out.

``load_dataset`` reads text (language modelling), labelled text (classification) and time series
(forecasting); ``preview`` looks at a file cheaply for the GUI. Importing this package does not import
TensorFlow; only ``load_dataset`` does, when it tokenises.
"""

from seqstudio.data.dataset import Dataset, HeadSpec, InputSpec, Probe, Windows
from seqstudio.data.loader import load_dataset
from seqstudio.data.options import DataOptions
from seqstudio.data.preview import Preview, detect_task, preview, sniff_kind
from seqstudio.data.samples import SAMPLES

__all__ = [
    "SAMPLES",
    "DataOptions",
    "Dataset",
    "HeadSpec",
    "InputSpec",
    "Preview",
    "Probe",
    "Windows",
    "detect_task",
    "load_dataset",
    "preview",
    "sniff_kind",
]
