"""Model backends behind one narrow interface; see :func:`followup.backends.select.get_backend`."""

from followup.backends.base import Backend, BackendError, Generation

__all__ = ["Backend", "BackendError", "Generation"]
