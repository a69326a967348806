import asyncio

import requests

URLS = ["https://a.example/", "https://b.example/", "https://c.example/"]


def fetch(url):
    """requests 不支持异步：requests.get 会一直占着当前线程，直到整个响应到达。"""
    print(f"开始下载 {url}")
    response = requests.get(url)
    print(f"下载完成 {url} {response.status_code} {len(response.text)} 字节")
    return response.text


async def main():
    loop = asyncio.get_running_loop()
    # Each blocking requests.get runs in a worker thread of the default executor; the returned
    # asyncio Futures are awaited together, so the event loop is never blocked.
    futures = [loop.run_in_executor(None, fetch, url) for url in URLS]
    pages = await asyncio.gather(*futures)
    print(f"共下载 {len(pages)} 个页面")


asyncio.run(main())
