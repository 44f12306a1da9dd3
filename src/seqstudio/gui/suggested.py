"""Training defaults chosen for the loaded file, applied to the fields the user has not changed.

The numbers come from the core (:func:`seqstudio.engine.settings.suggest_training`), the same
function ``seqstudio train`` uses for the options it is not given. A field counts as the user's
own once its value differs from what was last suggested for it (or from the widget's factory
value, before any suggestion), so a remembered or typed setting is never overwritten.
"""

from __future__ import annotations

from typing import Any

from seqstudio.engine.settings import suggest_training
from seqstudio.gui.dataset_words import summary_word
from seqstudio.gui.i18n import translate


def reason_words(dataset: Any, suggestion: Any) -> str:
    """The suggestion's ``reason`` (``lm: 160 training samples in batches of 4 ...``), made from
    its numbers in the user's language."""
    n = max(int(dataset.n_train), 1)
    batches = -(-n // suggestion.batch_size)
    return translate("SuggestedDefaults", "{0}: {1:,} training samples in batches of {2} ({3} per "
                     "epoch), {4} epochs (about {5:,} steps), learning rate {6:g}, {7} units").format(
        summary_word(dataset.task), n, suggestion.batch_size, batches, suggestion.epochs,
        suggestion.epochs * batches, suggestion.learning_rate, suggestion.units)


class SuggestedDefaults:
    """Fills epochs, batch size, learning rate and units from the dataset's task and size."""

    def __init__(self, controls: Any, model_panel: Any) -> None:
        self.controls = controls
        self.model_panel = model_panel
        values = controls.values()
        #: what each field held when it was last set by us; a different value is the user's
        self.last: dict[str, Any] = {"epochs": values["epochs"],
                                     "batch_size": values["batch_size"],
                                     "learning_rate": values["learning_rate"],
                                     "units": self._units()}
        self.reason = ""
        self.widgets = (controls.epochs, controls.batch_size, controls.learning_rate)
        self.tooltips = [w.toolTip() for w in self.widgets]

    def _units(self) -> Any:
        return self.model_panel.params().get("units")

    def keep(self, name: str) -> None:
        """The user chose ``name`` (e.g. through a preset): no later suggestion replaces it."""
        self.last[name] = None

    def apply(self, dataset: Any) -> dict[str, Any]:
        """Set every field still at its previous suggestion; return what was changed."""
        if dataset is None:
            return {}
        suggestion = suggest_training(dataset)
        wanted = {"epochs": suggestion.epochs, "batch_size": suggestion.batch_size,
                  "learning_rate": suggestion.learning_rate, "units": suggestion.units}
        current = {**self.controls.values(), "units": self._units()}
        changed = {name: value for name, value in wanted.items()
                   if current.get(name) is not None and current[name] == self.last.get(name)
                   and current[name] != value}
        training = {k: v for k, v in changed.items() if k != "units"}
        if training:
            self.controls.set_values({**self.controls.values(), **training})
        if "units" in changed:
            self.model_panel.select_cell(self.model_panel.cell_name(),
                                         {**self.model_panel.params(), "units": changed["units"]})
        for name in changed:
            self.last[name] = wanted[name]
        self.reason = translate("SuggestedDefaults", "Suggested for this file: {0}. A field you "
                                "change keeps your value.").format(reason_words(dataset, suggestion))
        for widget, tip in zip(self.widgets, self.tooltips, strict=True):
            widget.setToolTip(f"{tip}\n\n{self.reason}" if tip else self.reason)
        return changed
