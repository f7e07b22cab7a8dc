"""The portal's roles, as Django groups. Names are the ones staff see in the admin."""

EDITORS = "Biên tập viên"
APPROVERS = "Người duyệt"
MODERATORS = "Cán bộ tiếp nhận"
TRAINING_MANAGERS = "Quản lý đào tạo"
LEARNERS = "Học viên"
SUPERVISORS = "Cán bộ giám sát"  # created by supervision/migrations/0002_roles.py

ALL_ROLES = [EDITORS, APPROVERS, MODERATORS, TRAINING_MANAGERS, LEARNERS, SUPERVISORS]

# The one editorial workflow every page goes through (accounts/migrations/0003_editorial_workflow.py):
# its single task is approval by the APPROVERS group.
EDITORIAL_WORKFLOW = "Duyệt nội dung"
EDITORIAL_TASK = "Người duyệt phê duyệt"
