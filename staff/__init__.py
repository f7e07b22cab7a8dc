"""The admin as staff see it: the dashboard's page panels (editors, approvers) and the system panel
(administrators), the admin's branding from the site settings, the help menu and the editor's guide,
and the accessibility checker's rules in the editor's preview."""
