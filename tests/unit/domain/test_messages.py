"""Every user-facing message raised by the domain, store and services has a Chinese text with the
same placeholders, and every workflow action (shown in "「…」 refused") has a Chinese name.

The sources are found by reading the code with ``ast``, so a new message without a translation
fails here rather than showing English to a Chinese user."""

from __future__ import annotations

import ast
import string
from datetime import date
from pathlib import Path

from app.domain.deadline_rules import RULES
from app.domain.errors import TransitionRefused, UserError, ValidationError
from app.domain.i18n import set_language, tr
from app.domain.messages_zh import MESSAGES_ZH
from app.domain.workflow_table import APPROVAL_SLOTS, TRANSITIONS

ROOT = Path(__file__).resolve().parents[3]
SCANNED = ("app/domain", "app/store", "app/services", "app/config", "app/documents", "app/devices", "drivers")
ERROR_CALLS = {"UserError", "ValidationError", "NotFound", "StaleWrite", "TransitionRefused", "_invalid",
               "CalendarNotLoaded", "_refuse", "SignInFailed",
               # a device driver's questions through its handler are translated like errors
               "ask_password", "ask_yes_no", "show_message",
               "UsbError", "UsbUnavailable", "UsbPermissionDenied", "DeviceGone", "DeviceTimeout", "ProtocolError",
               "EjectFailed", "Refused", "Failed", "Stop", "message"}
MESSAGE_ARG = {"_invalid": 1}  # config's _invalid(setting, message, rule, ...)
PHRASE_CALLS = {"Phrase", "of"}  # Phrase("...") and Phrase.of("...", ...): rendered through tr()


def _python_files() -> list[Path]:
    files = [p for folder in SCANNED for p in sorted((ROOT / folder).rglob("*.py"))]
    return [p for p in files if "migrations" not in p.parts]


def _literals(node: ast.AST) -> list[str]:
    """A string literal, or both arms of a conditional between literals."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _literals(node.body) + _literals(node.orelse)
    return []


def _call_name(node: ast.Call) -> str:
    return getattr(node.func, "id", getattr(node.func, "attr", ""))


def _message_calls() -> list[tuple[str, int, str, ast.Call]]:
    """(file, line, source text, call) for every message call with a literal first argument."""
    found = []
    for path in _python_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and node.args and _call_name(node) in ERROR_CALLS | PHRASE_CALLS:
                message = node.args[MESSAGE_ARG.get(_call_name(node), 0)]
                for text in _literals(message):
                    found.append((str(path.relative_to(ROOT)), node.lineno, text, node))
    return found


def _placeholders(text: str) -> set[str]:
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_scan_finds_the_messages_it_should():
    sources = {text for _, _, text, _ in _message_calls()}
    assert len(sources) > 60
    # one from each layer and each kind of call, so a broken scan cannot pass by finding nothing
    assert "at least {n} officers with a 执法证 valid on {day} are required (valid: {valid}; not valid: {invalid})" \
        in sources  # guards._refuse
    assert "{field}: this field is required" in sources  # domain ValidationError
    assert "case {uuid} does not exist" in sources  # store NotFound
    assert "case {number} was changed by someone else since you opened it; reload and retry" in sources  # StaleWrite
    assert "an organisation" in sources  # Phrase


def test_every_raised_message_has_a_chinese_translation():
    missing = sorted({f"{file}:{line}: {text}" for file, line, text, _ in _message_calls()
                      if text not in MESSAGES_ZH})
    assert not missing, "\n".join(missing)


def test_every_message_call_passes_the_values_its_placeholders_name():
    """A ``{name}`` without a ``name=`` argument would raise KeyError when the message is shown."""
    broken = []
    for file, line, text, call in _message_calls():
        if any(k.arg is None for k in call.keywords):  # **params: cannot tell statically
            continue
        given = {k.arg for k in call.keywords} | ({"field"} if _call_name(call) == "_invalid" else set())
        if _call_name(call) == "CalendarNotLoaded":
            continue
        missing = _placeholders(text) - given
        if missing:
            broken.append(f"{file}:{line}: {text!r} lacks {sorted(missing)}")
    assert not broken, "\n".join(broken)


def test_chinese_texts_use_the_same_placeholders_as_the_english():
    wrong = {source: (sorted(_placeholders(source)), sorted(_placeholders(zh)))
             for source, zh in MESSAGES_ZH.items() if _placeholders(source) != _placeholders(zh)}
    assert not wrong, wrong


def _words(text: str) -> str:
    """The text outside the placeholders."""
    return "".join(literal for literal, *_ in string.Formatter().parse(text))


def test_chinese_texts_are_chinese():
    not_translated = sorted(s for s, zh in MESSAGES_ZH.items()
                            if any(c.isalpha() for c in _words(s)) and not any("\u4e00" <= c <= "\u9fff" for c in zh))
    assert not not_translated, not_translated


def test_every_workflow_action_and_in_stage_approval_has_a_chinese_name():
    names = {t.action for t in TRANSITIONS} | {s.slot for s in APPROVAL_SLOTS}
    missing = sorted(n for n in names if n not in MESSAGES_ZH)
    assert not missing, missing


def test_every_deadline_rule_name_is_translated():
    assert not [r.name for r in RULES if r.name not in MESSAGES_ZH]


def test_a_field_name_is_filled_in_and_shown_by_its_chinese_label():
    err = ValidationError("{field}: this field is required", field="cause", rule="required")
    assert err.message == "案由：此项为必填项"
    assert err.english == "cause: this field is required"
    err = ValidationError("{field}: unknown pause kind {value!r}", field="kind", rule="pause.kind", value="nap")
    assert "'nap'" in err.message and "'nap'" in err.english


def test_an_unknown_field_name_is_shown_as_it_is():
    err = ValidationError("{field}: this field is required", field="matters[3].code", rule="required")
    assert err.message == "matters[3].code：此项为必填项"


def test_a_refused_action_reads_in_chinese_and_in_english():
    refusal = TransitionRefused("submit_filing", [UserError("the decision has not been sealed", rule="x")])
    assert refusal.message == "不能执行「提请立案审批」：决定书尚未加盖印章"
    assert refusal.english == "submit_filing refused: the decision has not been sealed"
    set_language("en")
    assert refusal.message == refusal.english


# fields given as variables: Lead.validate's loops, check_fen()/parse_yuan()/check_resident_id() and the
# workflow's params
DYNAMIC_FIELDS = {"cause", "source", "place", "matter_code", "discovered_on", "act_date", "proposed_fine_fen",
                  "amount", "id_number"} | {p for t in TRANSITIONS for p in t.params}


def test_every_field_named_in_a_message_has_a_chinese_label():
    fields = set(DYNAMIC_FIELDS)
    for _, _, text, call in _message_calls():
        if "{field}" in text:
            fields |= {k.value.value for k in call.keywords
                       if k.arg == "field" and isinstance(k.value, ast.Constant)}
    assert {"cause", "act_date", "comment", "fine_fen", "officer_uuids", "id_number"} <= fields
    missing = sorted(f for f in fields if tr(f) == f)
    assert not missing, missing


def test_the_day_placeholder_is_filled_with_an_iso_date():
    # dates are shown as YYYY-MM-DD in both languages (the documents spell them in Chinese themselves)
    err = UserError("no coercive enforcement on rest days or holidays; {day} is one", rule="x",
                    day=date(2026, 10, 1).isoformat())
    assert "2026-10-01" in err.message
