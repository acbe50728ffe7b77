"""执法文书 in the UI: dialogs to preview, print, version and export documents and case files, and the
settings sections for document templates and the 文号 register (登记簿)."""
