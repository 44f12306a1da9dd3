"""Build the plugin manager and expose what plugins contribute through a small typed facade.

The rest of seqstudio asks a :class:`Registry` for cell types and data formats; nothing else
touches ``pm.hook``. Each entry point is loaded, version-checked and called on its own, so one broken
plugin is recorded and skipped while the others load.

Environment switches:

``SEQSTUDIO_DISABLE_PLUGIN_AUTOLOAD=1``
    load only the entry points of the ``seqstudio`` distribution itself (the built-ins); third-party
    plugins are listed as ``disabled``.
``SEQSTUDIO_BLOCK_PLUGINS=name[,name...]``
    skip these entry-point or distribution names; they are listed as ``blocked``.
"""

from __future__ import annotations

import os
import re
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib.metadata import EntryPoint, entry_points
from types import ModuleType
from typing import Any, Literal

import pluggy

from seqstudio import CONTRACT_VERSION, hookspecs
from seqstudio.errors import PluginError, UnknownCellError
from seqstudio.spec import CellType, DataFormat, HyperParam

GROUP = "seqstudio"
AUTOLOAD_ENV = "SEQSTUDIO_DISABLE_PLUGIN_AUTOLOAD"
BLOCK_ENV = "SEQSTUDIO_BLOCK_PLUGINS"
HOST_DISTRIBUTION = "seqstudio"
_NAME_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")

Status = Literal["ok", "failed", "refused", "blocked", "disabled"]


@dataclass
class PluginRecord:
    """What is known of one plugin: where it came from, whether it loaded, and why not."""

    name: str
    module: str
    distribution: str
    version: str
    status: Status = "ok"
    error: str = ""
    traceback: str = ""
    cell_types: list[str] = field(default_factory=list)
    data_formats: list[str] = field(default_factory=list)
    #: the contract version the plugin declares (``SEQSTUDIO_CONTRACT``); empty when it declares
    #: none (then it is assumed to match the host)
    contract: str = ""


def contract_compatible(declared: str, host: str = CONTRACT_VERSION) -> bool:
    """Same major version, and a minor version no newer than the host's."""
    try:
        d_major, d_minor = (int(p) for p in str(declared).split(".", 1))
        h_major, h_minor = (int(p) for p in host.split(".", 1))
    except ValueError:
        return False
    return d_major == h_major and d_minor <= h_minor


def _is_truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


class Registry:
    """Typed view of the loaded plugins. Build it with :func:`create_registry`."""

    def __init__(self, pm: pluggy.PluginManager) -> None:
        self._pm = pm
        self._records: list[PluginRecord] = []
        self._cells: dict[str, CellType] = {}
        self._formats: dict[str, DataFormat] = {}

    # -- queries -----------------------------------------------------------------------------
    def plugins(self) -> list[PluginRecord]:
        return list(self._records)

    def failures(self) -> list[PluginRecord]:
        return [r for r in self._records if r.status in ("failed", "refused")]

    def cell_types(self) -> list[CellType]:
        return list(self._cells.values())

    def cell_names(self) -> list[str]:
        return list(self._cells)

    def cell_type(self, name: str) -> CellType:
        try:
            return self._cells[name]
        except KeyError:
            raise UnknownCellError(name, self.cell_names()) from None

    def data_formats(self) -> list[DataFormat]:
        return list(self._formats.values())

    def format_for_extension(self, ext: str) -> DataFormat | None:
        ext = ext.lower()
        for fmt in self._formats.values():
            if ext in fmt.extensions:
                return fmt
        return None

    # -- loading -----------------------------------------------------------------------------
    def add_plugin(
        self, module: ModuleType | object, *, name: str, distribution: str = "", version: str = ""
    ) -> PluginRecord:
        """Register one plugin object (a module or any object with hook functions)."""
        record = PluginRecord(
            name=name,
            module=getattr(module, "__name__", type(module).__name__),
            distribution=distribution,
            version=version,
        )
        self._records.append(record)
        declared = getattr(module, "SEQSTUDIO_CONTRACT", None)
        record.contract = "" if declared is None else str(declared)
        if declared is not None and not contract_compatible(str(declared)):
            record.status = "refused"
            record.error = (
                f"plugin {name!r} ({distribution or record.module}) was written for contract "
                f"{declared}, but this seqstudio provides contract {CONTRACT_VERSION}"
            )
            return record
        try:
            self._pm.register(module, name=name)
        except Exception as exc:  # noqa: BLE001 - pluggy validation errors
            return _fail(record, exc)
        try:
            self._pm.check_pending()  # a hook name we do not define is a typo in the plugin
        except Exception as exc:  # noqa: BLE001
            self._pm.unregister(module)
            return _fail(record, exc)
        try:
            cells = self._collect(module, "seqstudio_cell_types", CellType, _validate_cell)
            formats = self._collect(module, "seqstudio_data_formats", DataFormat, _validate_format)
            for cell in cells:
                if cell.name in self._cells:
                    raise PluginError(
                        f"cell type {cell.name!r} is already provided by "
                        f"{self._cells[cell.name].plugin!r}"
                    )
        except Exception as exc:  # noqa: BLE001 - isolate every plugin
            self._pm.unregister(module)
            return _fail(record, exc)
        for cell in cells:
            object.__setattr__(cell, "plugin", name)
            self._cells[cell.name] = cell
            record.cell_types.append(cell.name)
        for fmt in formats:
            object.__setattr__(fmt, "plugin", name)
            self._formats.setdefault(fmt.name, fmt)
            record.data_formats.append(fmt.name)
        return record

    def _collect(
        self,
        module: object,
        hook_name: str,
        kind: type,
        validate: Callable[[Any], None],
    ) -> list[Any]:
        impls = [i for i in getattr(self._pm.hook, hook_name).get_hookimpls() if i.plugin is module]
        items: list[Any] = []
        for impl in impls:
            result = impl.function()
            if result is None:
                continue
            if not isinstance(result, list | tuple):
                raise PluginError(
                    f"{hook_name} must return a list of {kind.__name__}, got "
                    f"{type(result).__name__}"
                )
            for item in result:
                if not isinstance(item, kind):
                    raise PluginError(
                        f"{hook_name} returned {type(item).__name__}; expected {kind.__name__}"
                    )
                validate(item)
                items.append(item)
        return items

    def load_entry_points(
        self, eps: Iterable[EntryPoint], *, autoload: bool, blocked: set[str]
    ) -> None:
        for ep in eps:
            dist = ep.dist.name if ep.dist is not None else ""
            version = ep.dist.version if ep.dist is not None else ""
            if ep.name in blocked or dist in blocked:
                self._records.append(
                    PluginRecord(ep.name, ep.value, dist, version, status="blocked",
                                 error=f"blocked by {BLOCK_ENV}")
                )
                continue
            if not autoload and dist != HOST_DISTRIBUTION:
                self._records.append(
                    PluginRecord(ep.name, ep.value, dist, version, status="disabled",
                                 error=f"autoload disabled by {AUTOLOAD_ENV}")
                )
                continue
            try:
                module = ep.load()
            except BaseException as exc:  # noqa: BLE001 - includes SystemExit from bad plugins
                if isinstance(exc, KeyboardInterrupt):
                    raise
                record = PluginRecord(ep.name, ep.value, dist, version)
                self._records.append(record)
                _fail(record, exc)
                continue
            self.add_plugin(module, name=ep.name, distribution=dist, version=version)


def _fail(record: PluginRecord, exc: BaseException) -> PluginRecord:
    record.status = "failed"
    record.error = f"{type(exc).__name__}: {exc}"
    record.traceback = "".join(traceback.format_exception(exc))
    record.cell_types.clear()
    record.data_formats.clear()
    return record


def _validate_cell(cell: CellType) -> None:
    if not _NAME_RE.match(cell.name or ""):
        raise PluginError(
            f"cell type name {cell.name!r} must be lowercase words joined by dashes"
        )
    if not cell.label or not cell.description:
        raise PluginError(f"cell type {cell.name!r} needs a label and a description")
    for attr in ("build_layers", "param_formula"):
        if not callable(getattr(cell, attr)):
            raise PluginError(f"cell type {cell.name!r}: {attr} must be callable")
    for attr in ("reference_step", "reference_call", "cost_per_step", "reference_gates"):
        if getattr(cell, attr) is not None and not callable(getattr(cell, attr)):
            raise PluginError(f"cell type {cell.name!r}: {attr} must be callable or None")
    if cell.reference_step is not None and cell.reference_call is not None:
        raise PluginError(f"cell type {cell.name!r}: give reference_call or reference_step, "
                          "not both")
    names = cell.state_names
    if (not names or len(set(names)) != len(names)
            or not all(isinstance(n, str) and _NAME_RE.match(n.replace("_", "-")) for n in names)):
        raise PluginError(f"cell type {cell.name!r}: state_names must be distinct lowercase "
                          f"names such as ('h', 'c'), got {names!r}")
    if len(names) > 1 and cell.reference_step is not None:
        raise PluginError(f"cell type {cell.name!r} has {len(names)} states {names}: its "
                          "reference must be reference_call(x_t, states, weights, params) -> "
                          "(output, new_states), not the one-state reference_step")
    for param in cell.params:
        if not isinstance(param, HyperParam):
            raise PluginError(
                f"cell type {cell.name!r}: params must be HyperParam, got {type(param).__name__}"
            )
        param.coerce(param.default)


def _validate_format(fmt: DataFormat) -> None:
    if not fmt.name or not fmt.extensions or not callable(fmt.read):
        raise PluginError(f"data format {fmt.name!r} needs a name, extensions and a read function")
    for ext in fmt.extensions:
        if not ext.startswith(".") or ext != ext.lower():
            raise PluginError(f"data format {fmt.name!r}: extension {ext!r} must be like '.csv'")


def create_registry(
    *,
    autoload: bool | None = None,
    blocked: Iterable[str] | None = None,
    extra_plugins: Iterable[tuple[str, object]] = (),
) -> Registry:
    """Build a fresh plugin manager and load every plugin.

    :param autoload: load third-party entry points; default from ``SEQSTUDIO_DISABLE_PLUGIN_AUTOLOAD``.
    :param blocked: entry-point or distribution names to skip; default from ``SEQSTUDIO_BLOCK_PLUGINS``.
    :param extra_plugins: ``(name, module)`` pairs registered directly (for tests and embedding).
    """
    if autoload is None:
        autoload = not _is_truthy(os.environ.get(AUTOLOAD_ENV))
    if blocked is None:
        blocked = [b.strip() for b in os.environ.get(BLOCK_ENV, "").split(",") if b.strip()]
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    registry = Registry(pm)
    eps = sorted(entry_points(group=GROUP), key=lambda ep: (ep.dist.name != HOST_DISTRIBUTION
                                                            if ep.dist else True, ep.name))
    registry.load_entry_points(eps, autoload=autoload, blocked=set(blocked))
    for name, module in extra_plugins:
        registry.add_plugin(module, name=name)
    return registry


_default: Registry | None = None


def get_registry() -> Registry:
    """The process-wide registry, built on first use."""
    global _default
    if _default is None:
        _default = create_registry()
    return _default


def reset_registry() -> None:
    """Forget the process-wide registry (tests, or after installing a plugin)."""
    global _default
    _default = None
