"""What every request handler needs: the settings and the analysis runner."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request

from storydiff.web.runner import Runner
from storydiff.web.settings import Settings


@dataclass(frozen=True, slots=True)
class AppState:
    settings: Settings
    runner: Runner


def state(request: Request) -> AppState:
    found: AppState = request.app.state.storydiff
    return found
