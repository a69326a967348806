import asyncio

import aiohttp

URLS = ["https://a.example/", "https://b.example/", "https://c.example/"]


async def fetch(session, url):
    print(f"开始下载 {url}")
    async with session.get(url) as response:
        # Mistake: response.text() is a coroutine function; without await, text is a coroutine
        # object, and len() of it raises TypeError.
        text = response.text()
    print(f"下载完成 {url} {response.status} {len(text)} 字节")
    return text


async def main():
    async with aiohttp.ClientSession() as session:
        pages = await asyncio.gather(*(fetch(session, url) for url in URLS))
    print(f"共下载 {len(pages)} 个页面")


asyncio.run(main())
