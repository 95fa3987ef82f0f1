"""The Streamlit face of the assistant: layout and wiring only, calling the package API.

Nothing here decides anything about scores, interpretation or retrieval; it shows what the
package returns and passes the user's input back to it.
"""
