from generator.render import markdown_html


def test_markdown_is_rendered_and_scripts_are_removed():
    html = str(markdown_html("**先进**事迹\n\n<script>alert(1)</script><img src=x onerror=alert(1)>"))
    assert "<strong>先进</strong>" in html
    assert "<script" not in html and "onerror" not in html and "<img" not in html


def test_only_http_links_survive():
    html = str(markdown_html("[好](javascript:alert(1)) [站](https://example.org/)"))
    assert "javascript:" not in html
    assert '<a href="https://example.org/" rel="noopener noreferrer">站</a>' in html
