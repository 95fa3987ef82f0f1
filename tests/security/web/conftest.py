"""The app tests' fixtures: a knowledge base built once per session, the environment, an app."""

from tests.app.conftest import app, app_env, data_dir, downloads  # noqa: F401
