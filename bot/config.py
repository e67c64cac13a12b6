"""Settings, read once from the environment or `.env`, with one clear line per problem."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class SettingsError(Exception):
    """A missing or malformed setting; each entry of `problems` is one line for the operator."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


_HINTS = {
    "SLACK_BOT_TOKEN": "the Bot User OAuth Token (xoxb-...) from your app's 'OAuth & Permissions' page",
    "SLACK_SIGNING_SECRET": "the Signing Secret from your app's 'Basic Information' page",
    "SLACK_APP_TOKEN": "an app-level token (xapp-...) with connections:write, from 'Basic Information'",
    "SLACK_API_URL": "an http(s) URL such as https://slack.com/api/ (leave it unset for Slack itself)",
    "MELDBOT_ENCRYPTION_KEY": "a key made by `meldbot keygen` (44 characters of base64)",
    "MELDBOT_PREVIOUS_ENCRYPTION_KEYS": "the keys used before, comma-separated, while `meldbot keys rotate` runs",
    "PORT": "a TCP port number between 1 and 65535",
    "MELDBOT_SWEEP_SECONDS": "a number of seconds between 1 and 3600",
    "MELDBOT_SEND_TIMEOUT_SECONDS": "a number of seconds between 1 and 120",
}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    slack_bot_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    slack_api_url: str | None = None
    database_url: str | None = None
    meldbot_data_dir: Path = Path("data")
    meldbot_config: Path = Path("meldbot.yml")
    meldbot_encryption_key: SecretStr | None = None
    meldbot_previous_encryption_keys: SecretStr | None = None  # comma-separated, during a rotation
    meldbot_sweep_seconds: int = Field(default=30, ge=1, le=3600)
    meldbot_send_timeout_seconds: int = Field(default=15, ge=1, le=120)
    host: str = "0.0.0.0"
    port: int = Field(default=3000, ge=1, le=65535)

    @field_validator("slack_bot_token")
    @classmethod
    def _bot_token(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().startswith("xoxb-"):
            raise ValueError("must start with xoxb-")
        return value

    @field_validator("slack_app_token")
    @classmethod
    def _app_token(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().startswith("xapp-"):
            raise ValueError("must start with xapp-")
        return value

    @field_validator("slack_api_url")
    @classmethod
    def _api_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if not value.startswith(("http://", "https://")):
            raise ValueError("must be an http(s) URL")
        return value if value.endswith("/") else value + "/"

    @property
    def socket_mode(self) -> bool:
        return self.slack_app_token is not None

    @property
    def sqlite_file(self) -> Path:
        return self.meldbot_data_dir / "meldbot.sqlite3"

    @property
    def effective_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.sqlite_file.resolve()}"

    @property
    def database_may_exist(self) -> bool:
        """False only when the default SQLite file was never made (nothing stored yet)."""
        return self.database_url is not None or self.sqlite_file.exists()

    def problems_for_serving(self) -> list[str]:
        """What `meldbot run` still needs; empty when it can connect to Slack."""
        problems = []
        if self.slack_bot_token is None:
            problems.append(_missing("SLACK_BOT_TOKEN"))
        if not self.socket_mode and self.slack_signing_secret is None:
            problems.append(_missing("SLACK_SIGNING_SECRET") + " (or set SLACK_APP_TOKEN to use Socket Mode instead)")
        return problems


def _missing(variable: str) -> str:
    return f"{variable} is not set: set it to {_HINTS[variable]}"


def load_settings() -> Settings:
    try:
        return Settings()
    except ValidationError as error:
        lines = []
        for problem in error.errors():
            variable = str(problem["loc"][0]).upper() if problem["loc"] else "settings"
            reason = str(problem["msg"]).removeprefix("Value error, ")
            hint = _HINTS.get(variable)
            lines.append(f"{variable} is malformed ({reason})" + (f": set it to {hint}" if hint else ""))
        raise SettingsError(lines) from None
