import asyncio

import aiohttp

URLS = ["https://a.example/", "https://slow.example/", "https://nowhere.example/", "https://c.example/"]


async def fetch(session, url):
    try:
        async with session.get(url, timeout=aiohttp.ClientTimeout(total=3)) as response:
            text = await response.text()
    except asyncio.TimeoutError:
        # Mistake: only the timeout is handled. The unknown host raises ClientConnectorError at
        # t=0, gather passes it on to main, and the whole crawl ends with that error.
        print(f"超时 {url}")
        return None
    print(f"下载完成 {url} {len(text)} 字节")
    return text


async def main():
    async with aiohttp.ClientSession() as session:
        results = await asyncio.gather(*(fetch(session, url) for url in URLS))
    ok = [page for page in results if page is not None]
    print(f"成功 {len(ok)} 个，失败 {len(results) - len(ok)} 个")


asyncio.run(main())
