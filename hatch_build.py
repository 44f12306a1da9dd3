"""Ship the Keras autoload .pth in editable installs too (force-include covers normal wheels)."""

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CustomBuildHook(BuildHookInterface):
    def initialize(self, version: str, build_data: dict) -> None:
        if version == "editable":
            build_data["force_include_editable"] = {
                "src/seqstudio_keras_autoload.pth": "seqstudio_keras_autoload.pth"
            }
