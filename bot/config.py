"""Settings, read once from the environment or `.env`, with one clear line per problem."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.flows.rules.directory import ENTRA_OBJECT_ID


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
    "TEAMS_APP_ID": "the Application (client) ID of the bot's Entra app registration (README, Microsoft Teams)",
    "TEAMS_APP_PASSWORD": "a client secret of that app registration ('Certificates & secrets')",
    "TEAMS_TENANT_ID": "the Directory (tenant) ID of the school's (or board's) Entra tenant",
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
    teams_app_id: str | None = None
    teams_app_password: SecretStr | None = None
    teams_tenant_id: str | None = None
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

    @field_validator("teams_app_id", "teams_tenant_id")
    @classmethod
    def _entra_id(cls, value: str | None) -> str | None:
        if value is not None and not ENTRA_OBJECT_ID.match(value.lower()):
            raise ValueError("it is not an Entra id (like 0c7e1a2b-3d4e-4f5a-8b6c-7d8e9f0a1b2c)")
        return value.lower() if value else value

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

    @property
    def serves_slack(self) -> bool:
        return any(v is not None for v in (self.slack_bot_token, self.slack_signing_secret, self.slack_app_token))

    @property
    def serves_teams(self) -> bool:
        return any(v is not None for v in (self.teams_app_id, self.teams_app_password, self.teams_tenant_id))

    def problems_for_serving(self) -> list[str]:
        """What `meldbot run` still needs; empty when it can serve Slack, Teams or both (by the
        settings present)."""
        problems = []
        if self.serves_slack or not self.serves_teams:
            if self.slack_bot_token is None:
                teams = "" if self.serves_slack else " (or, for Microsoft Teams, set TEAMS_APP_ID and the rest)"
                problems.append(_missing("SLACK_BOT_TOKEN") + teams)
            if not self.socket_mode and self.slack_signing_secret is None:
                problems.append(_missing("SLACK_SIGNING_SECRET") + " (or set SLACK_APP_TOKEN to use Socket Mode)")
        if self.serves_teams:
            for variable, value in (
                ("TEAMS_APP_ID", self.teams_app_id),
                ("TEAMS_APP_PASSWORD", self.teams_app_password),
                ("TEAMS_TENANT_ID", self.teams_tenant_id),
            ):
                if value is None:
                    problems.append(_missing(variable))
            if self.socket_mode:
                problems.append(
                    "SLACK_APP_TOKEN (Socket Mode) cannot be used beside Teams, which posts to the bot's HTTP "
                    "server: unset it and set SLACK_SIGNING_SECRET, so that one server on $PORT serves both"
                )
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
