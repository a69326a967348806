import requests

URLS = ["https://a.example/", "https://b.example/", "https://c.example/"]


def crawl(urls):
    pages = []
    with requests.Session() as session:
        for url in urls:
            print(f"开始下载 {url}")
            response = session.get(url, timeout=10)
            try:
                response.raise_for_status()
            except requests.ConnectionError as exc:
                # Mistake: raise_for_status raises HTTPError, not ConnectionError: the 404 escapes
                # and ends the program.
                print(f"跳过 {url}：{exc}")
                continue
            print(f"下载完成 {url} {len(response.text)} 字节")
            pages.append(response.text)
    return pages


pages = crawl(URLS)
print(f"共下载 {len(pages)} 个页面")
