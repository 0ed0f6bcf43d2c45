"""The web dashboard and JSON API: ``goalpost serve`` runs ``create_app`` under uvicorn.

>>> from goalpost.web import create_app
>>> app = create_app("sqlite:///:memory:")
>>> app.title
'goalpost'
"""

from goalpost.web._app import create_app
from goalpost.web._serve import serve

__all__ = ["create_app", "serve"]
