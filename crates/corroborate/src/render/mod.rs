//! Render: text, Markdown, JSON and self-contained HTML output.
