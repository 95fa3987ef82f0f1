"""AppTest fixtures from the app tests (a built data dir, the environment, an app)."""

from tests.app.conftest import app, app_env, data_dir, downloads  # noqa: F401
