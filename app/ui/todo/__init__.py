"""我的待办: the to-do page."""

from app.ui.todo.task_model import TaskModel
from app.ui.todo.todo_page import TodoPage

__all__ = ["TaskModel", "TodoPage"]
