"""A form's schema as Prefect's server checks values against it.

The server validates run parameters and resume input against the schema
after `prefect.utilities.schema_tools.preprocess_schema`: an optional field
without a default also accepts null, tuple `items` become `prefixItems`, and
a block-typed field also accepts a reference to a saved block. The form must
agree with the server, so it checks against exactly that schema, made here by
Prefect's own function (a copy of it in the form model drifted). `ui` may not
import Prefect, so core hands the result on next to the schema it drew from.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def server_checks(schema: Mapping[str, Any] | None) -> dict[str, Any]:
    """`schema` preprocessed as the server preprocesses it ({} for no schema)."""
    if not schema:
        return {}
    from prefect.utilities.schema_tools.validation import preprocess_schema

    # allow_none_with_default stays False: the server relaxes it only for job variables.
    return dict(preprocess_schema(dict(schema)))
