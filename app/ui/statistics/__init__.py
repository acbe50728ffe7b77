"""The statistics page (统计)."""
