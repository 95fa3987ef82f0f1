"""The assistant as an HTTP service (FastAPI): the interview, scoring, reports and the knowledge
base for portals, bots and other front ends. ``create_app`` takes its collaborators; ``resources``
builds them from the settings; ``commands`` adds ``assistant serve``."""
