"""The conversational interview: a state machine that the web app, the CLI and the tests drive.

`InterviewEngine` (engine.py) takes the framework, an interpreter, a session store and an
optional knowledge answerer; `Reply`, `Action` and `Progress` (state.py) are what front ends use.
"""
