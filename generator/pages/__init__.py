"""The site as plain data: every generated page (Markdown with front matter) and every file, made room by room.

Each page family is a room, a module whose functions take the build's `Context` and return the pages
(and files) they make: `home`, `plan`, `competitions`, `exemplars`, `innovations`, `dashboard`,
`announcements`, `contact`, `archive`, `redirects`; `news` adds the feed. `build` composes them into a
`Site`. Nothing here knows MkDocs; an adapter hands these pages to whichever builder renders the site.
"""

from ..content import content_uri
from .build import build_site
from .common import PER_PAGE, Asset, Page, Site, list_pages, pagination
from .photos import Remembered

__all__ = ["PER_PAGE", "Asset", "Page", "Remembered", "Site", "build_site", "content_uri", "list_pages", "pagination"]
