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
    async with aiohttp.ClientSession() as session:
        # TODO: 三个下载同时进行（用 asyncio.gather），而不是一个接一个地 await
        pages = []
    print(f"共下载 {len(pages)} 个页面")


asyncio.run(main())
