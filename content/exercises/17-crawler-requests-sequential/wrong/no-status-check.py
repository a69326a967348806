import requests

URLS = ["https://a.example/", "https://b.example/", "https://c.example/"]


def crawl(urls):
    pages = []
    with requests.Session() as session:
        for url in urls:
            print(f"开始下载 {url}")
            response = session.get(url, timeout=10)
            # Mistake: a 404 is still a response: requests raises nothing unless asked to, so the
            # "Not Found" page is counted as a downloaded page.
            print(f"下载完成 {url} {len(response.text)} 字节")
            pages.append(response.text)
    return pages


pages = crawl(URLS)
print(f"共下载 {len(pages)} 个页面")
