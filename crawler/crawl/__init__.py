"""The only network code: the crawl job and its child process, Scrapy settings and components, spiders, the
browser for rendering and screenshots. It stores what it saw in the capture archive and judges nothing."""
