import requests

URLS = ["https://a.example/", "https://b.example/", "https://c.example/"]


def crawl(urls):
    pages = []
    with requests.Session() as session:  # one connection pool for the whole crawl
        for url in urls:
            print(f"开始下载 {url}")
            response = session.get(url, timeout=10)
            try:
                response.raise_for_status()  # 4xx/5xx → requests.HTTPError
            except requests.HTTPError as exc:
                print(f"跳过 {url}：{exc}")
                continue
            print(f"下载完成 {url} {len(response.text)} 字节")
            pages.append(response.text)
    return pages


pages = crawl(URLS)
print(f"共下载 {len(pages)} 个页面")
