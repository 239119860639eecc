"""The flow designer's model: graph, validation, files, code generation, undo.

No Qt here (an import-linter contract checks it): the Qt editor in
`desktop_app.ui` observes a `Design` through its signals and changes it only
through `commands`. Importing this package does not import Prefect either;
only the *generated* modules do.
"""

from desktop_app.designer.codegen import DeployRefused, deploy_design, generate, node_tag
from desktop_app.designer.commands import (
    AddNodeCommand,
    Command,
    ConnectCommand,
    DisconnectCommand,
    EditCodeCommand,
    EditNodeCommand,
    MacroCommand,
    MoveNodesCommand,
    RemoveNodeCommand,
    RenameNodeCommand,
    RenamePortCommand,
    SetDesignPropertiesCommand,
    SetFieldsCommand,
    SetInputsCommand,
    SetParametersCommand,
    SetSettingsCommand,
    reconnect_command,
    remove_nodes_command,
)
from desktop_app.designer.fileformat import (
    DesignFileError,
    DesignSaveError,
    autosave_path,
    load,
    newer_autosave,
    remove_autosave,
    save,
    write_autosave,
)
from desktop_app.designer.graph import (
    ConnectionRefused,
    CycleError,
    Design,
    DesignError,
    Edge,
    UnknownNodeError,
)
from desktop_app.designer.nodes import (
    ApprovalNode,
    CodeNode,
    ConditionNode,
    InputField,
    LoopNode,
    Node,
    Parameter,
    ParametersNode,
    Port,
)
from desktop_app.designer.observers import Signal
from desktop_app.designer.problems import Problem, Severity
from desktop_app.designer.validation import validate, validate_node

__all__ = [
    "AddNodeCommand",
    "ApprovalNode",
    "CodeNode",
    "Command",
    "ConditionNode",
    "ConnectCommand",
    "ConnectionRefused",
    "CycleError",
    "DeployRefused",
    "Design",
    "DesignError",
    "DesignFileError",
    "DesignSaveError",
    "DisconnectCommand",
    "Edge",
    "EditCodeCommand",
    "EditNodeCommand",
    "InputField",
    "LoopNode",
    "MacroCommand",
    "MoveNodesCommand",
    "Node",
    "Parameter",
    "ParametersNode",
    "Port",
    "Problem",
    "RemoveNodeCommand",
    "RenameNodeCommand",
    "RenamePortCommand",
    "SetDesignPropertiesCommand",
    "SetFieldsCommand",
    "SetInputsCommand",
    "SetParametersCommand",
    "SetSettingsCommand",
    "Severity",
    "Signal",
    "UnknownNodeError",
    "autosave_path",
    "deploy_design",
    "generate",
    "load",
    "newer_autosave",
    "node_tag",
    "reconnect_command",
    "remove_autosave",
    "remove_nodes_command",
    "save",
    "validate",
    "validate_node",
    "write_autosave",
]
