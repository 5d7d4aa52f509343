"""Serving safely: the launch options from the environment, or one line naming the variable."""

from __future__ import annotations

import pytest

from followup.ui.serving import LaunchOptions, ServingError, is_loopback, launch_options


def test_loopback_by_default_with_no_password() -> None:
    assert launch_options({}) == LaunchOptions("127.0.0.1", 7860, None)


def test_gradio_s_own_variables_work_and_the_project_s_are_aliases() -> None:
    assert launch_options({"GRADIO_SERVER_NAME": "localhost", "GRADIO_SERVER_PORT": "8081"}) == LaunchOptions(
        "localhost", 8081, None
    )
    assert launch_options({"FOLLOWUP_HOST": "127.0.0.2", "FOLLOWUP_PORT": "9000"}) == LaunchOptions(
        "127.0.0.2", 9000, None
    )
    same = {"GRADIO_SERVER_PORT": "9000", "FOLLOWUP_PORT": "9000"}
    assert launch_options(same).server_port == 9000


def test_a_password_is_user_colon_password_and_may_hold_colons() -> None:
    options = launch_options({"FOLLOWUP_AUTH": "alex:s3cret:with-colon", "GRADIO_SERVER_NAME": "0.0.0.0"})
    assert options == LaunchOptions("0.0.0.0", 7860, ("alex", "s3cret:with-colon"))


@pytest.mark.parametrize("value", ["password", "alex:", ":password", " :x"])
def test_a_password_without_a_user_or_a_colon_refuses_to_start(value: str) -> None:
    with pytest.raises(ServingError) as caught:
        launch_options({"FOLLOWUP_AUTH": value})
    message = str(caught.value)
    assert message == "FOLLOWUP_AUTH must be user:password, with both parts non-empty"
    assert "\n" not in message


@pytest.mark.parametrize(
    ("env", "variable"),
    [
        ({"GRADIO_SERVER_NAME": "0.0.0.0"}, "GRADIO_SERVER_NAME=0.0.0.0"),
        ({"FOLLOWUP_HOST": "192.168.1.20"}, "FOLLOWUP_HOST=192.168.1.20"),
        ({"GRADIO_SERVER_NAME": "::"}, "GRADIO_SERVER_NAME=::"),
        ({"GRADIO_SERVER_NAME": "example.org", "FOLLOWUP_ALLOW_OPEN": "yes"}, "GRADIO_SERVER_NAME=example.org"),
    ],
)
def test_beyond_loopback_without_a_password_refuses_to_start(env: dict[str, str], variable: str) -> None:
    with pytest.raises(ServingError, match=f"^{variable} would serve your interviews beyond this machine"):
        launch_options(env)


def test_serving_open_on_purpose_is_allowed() -> None:
    options = launch_options({"GRADIO_SERVER_NAME": "0.0.0.0", "FOLLOWUP_ALLOW_OPEN": "1"})
    assert options == LaunchOptions("0.0.0.0", 7860, None)


@pytest.mark.parametrize(
    ("env", "line"),
    [
        ({"GRADIO_SERVER_PORT": "http"}, "GRADIO_SERVER_PORT='http' is not a port number (1 to 65535)"),
        ({"FOLLOWUP_PORT": "70000"}, "FOLLOWUP_PORT='70000' is not a port number (1 to 65535)"),
        ({"GRADIO_SERVER_PORT": "0"}, "GRADIO_SERVER_PORT='0' is not a port number (1 to 65535)"),
        (
            {"GRADIO_SERVER_PORT": "8000", "FOLLOWUP_PORT": "9000"},
            "GRADIO_SERVER_PORT=8000 and FOLLOWUP_PORT=9000 disagree: set only one of them",
        ),
    ],
)
def test_a_bad_port_names_its_variable(env: dict[str, str], line: str) -> None:
    with pytest.raises(ServingError) as caught:
        launch_options(env)
    assert str(caught.value) == line


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("127.1.2.3", True), ("::1", True), ("[::1]", True), ("LOCALHOST", True),
     ("0.0.0.0", False), ("::", False), ("10.0.0.1", False), ("myhost", False)],
)  # fmt: skip
def test_loopback_is_this_machine_only(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback
