"""What the web UI needs beyond Gradio itself: form parsing, HTML rendering, the chat."""
