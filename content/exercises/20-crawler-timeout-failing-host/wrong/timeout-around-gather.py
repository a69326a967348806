import asyncio

import aiohttp

URLS = ["https://a.example/", "https://slow.example/", "https://nowhere.example/", "https://c.example/"]


async def fetch(session, url):
    try:
        async with session.get(url) as response:
            text = await response.text()
    except aiohttp.ClientConnectorError:
        print(f"无法连接 {url}")
        return None
    print(f"下载完成 {url} {len(text)} 字节")
    return text


async def main():
    async with aiohttp.ClientSession() as session:
        # Mistake: one timeout for the whole crawl. At t=3 it cancels gather — and the pages
        # already downloaded are lost with it: main ends with TimeoutError.
        async with asyncio.timeout(3):
            results = await asyncio.gather(*(fetch(session, url) for url in URLS))
    ok = [page for page in results if page is not None]
    print(f"成功 {len(ok)} 个，失败 {len(results) - len(ok)} 个")


asyncio.run(main())
