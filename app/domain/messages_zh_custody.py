"""Simplified Chinese texts for the custody report messages (merged into MESSAGES_ZH)."""

MESSAGES_ZH_CUSTODY: dict[str, str] = {
    # app/services/evidence/custody_report.py
    "could not write the custody report {file}: {reason}": "无法写入证据保管链报告 {file}：{reason}",
}
