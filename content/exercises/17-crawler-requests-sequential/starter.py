import requests

URLS = ["https://a.example/", "https://b.example/", "https://c.example/"]


def crawl(urls):
    pages = []
    with requests.Session() as session:
        for url in urls:
            print(f"开始下载 {url}")
            # TODO: 用 session.get 下载 url；状态码表示出错时（raise_for_status），打印“跳过 …”并继续，
            #       否则打印“下载完成 URL N 字节”并把页面文本放进 pages
    return pages


pages = crawl(URLS)
print(f"共下载 {len(pages)} 个页面")
