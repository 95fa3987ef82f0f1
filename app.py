"""`streamlit run app.py`: the web app. Layout and wiring live in `assistant.web`."""

from assistant.web.layout import main

main()
