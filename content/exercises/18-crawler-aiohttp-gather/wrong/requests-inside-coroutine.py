import asyncio

import requests

URLS = ["https://a.example/", "https://b.example/", "https://c.example/"]


async def fetch(url):
    print(f"开始下载 {url}")
    # Mistake: requests.get is blocking. Inside async def it still holds the event loop's thread,
    # so gather cannot overlap anything: the downloads run one by one (t=6).
    response = requests.get(url)
    print(f"下载完成 {url} {response.status_code} {len(response.text)} 字节")
    return response.text


async def main():
    pages = await asyncio.gather(*(fetch(url) for url in URLS))
    print(f"共下载 {len(pages)} 个页面")


asyncio.run(main())
