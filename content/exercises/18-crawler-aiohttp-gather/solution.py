import asyncio

import aiohttp

URLS = ["https://a.example/", "https://b.example/", "https://c.example/"]


async def fetch(session, url):
    print(f"开始下载 {url}")
    async with session.get(url) as response:
        text = await response.text()
    print(f"下载完成 {url} {response.status} {len(text)} 字节")
    return text


async def main():
    # One session (one connection pool) for the whole crawl; every await session.get suspends only
    # its own task, so gather runs the three downloads at the same time.
    async with aiohttp.ClientSession() as session:
        pages = await asyncio.gather(*(fetch(session, url) for url in URLS))
    print(f"共下载 {len(pages)} 个页面")


asyncio.run(main())
