import asyncio

import aiohttp

URLS = [f"https://pages.example/page/{n}" for n in range(10)]
LIMIT = 3  # 网站的规定：同一时间最多 3 个请求


async def fetch(session, sem, url):
    # Mistake: a new Semaphore per call limits nothing: every task has its own 3 slots.
    async with asyncio.Semaphore(LIMIT):
        print(f"开始下载 {url}")
        async with session.get(url) as response:
            text = await response.text()
        print(f"下载完成 {url}")
        return text


async def main():
    sem = asyncio.Semaphore(LIMIT)
    async with aiohttp.ClientSession() as session:
        pages = await asyncio.gather(*(fetch(session, sem, url) for url in URLS))
    print(f"共下载 {len(pages)} 个页面")


asyncio.run(main())
