import asyncio

import requests

URLS = ["https://a.example/", "https://b.example/", "https://c.example/"]


def fetch(url):
    """requests 不支持异步：requests.get 会一直占着当前线程，直到整个响应到达。"""
    print(f"开始下载 {url}")
    response = requests.get(url)
    print(f"下载完成 {url} {response.status_code} {len(response.text)} 字节")
    return response.text


async def fetch_async(url):
    # Mistake: wrapping a blocking call in `async def` does not make it asynchronous. There is no
    # await inside, so each task blocks the loop until its download is done.
    return fetch(url)


async def main():
    tasks = [asyncio.create_task(fetch_async(url)) for url in URLS]
    pages = await asyncio.gather(*tasks)
    print(f"共下载 {len(pages)} 个页面")


asyncio.run(main())
