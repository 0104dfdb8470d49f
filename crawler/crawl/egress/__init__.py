"""The egress policy: a scan fetches from public addresses only, unless the firm's profile or the command line opts
in (`allow_private`, for a firm auditing an intranet staging site). Three guards, one classifier (addresses.py):

- middleware.py: every Scrapy request (start URLs, links, each redirect hop, robots.txt, sitemaps, app-store and
  social lookups) is checked before it is downloaded, by its URL's host;
- resolver.py: the reactor's resolver refuses a name whose answer is a refused address, so the address checked is
  the address connected to (no second lookup a rebinding name could answer differently);
- guard.py: Chromium reaches the web only through a forward proxy on loopback that applies the same checks to
  every navigation, redirect hop and sub-resource, and resolves names itself (Chromium's own DNS is never used).

docs/SECURITY.md has the threat model and what is refused.
"""
