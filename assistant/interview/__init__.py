"""The conversational interview: a state machine that the web app, the CLI and the tests drive.

`InterviewEngine` (engine.py) takes the framework, an interpreter, a session store and an
optional knowledge answerer; `Reply`, `Action` and `Progress` (state.py) are what front ends use.
What each (phase, intent) does is one table (table.py, with the element cells in answering.py;
diagram in docs/interview-engine.md); what is said is rendered by render.py.
"""
