import asyncio

import aiohttp

URLS = ["https://a.example/", "https://slow.example/", "https://nowhere.example/", "https://c.example/"]


async def fetch(session, url):
    # TODO: 每个请求最多等 3 秒（超时打印“超时 URL”），主机不存在时打印“无法连接 URL”；
    #       这两种情况都返回 None，别让一个坏网址毁掉整个爬取
    async with session.get(url) as response:
        text = await response.text()
    print(f"下载完成 {url} {len(text)} 字节")
    return text


async def main():
    async with aiohttp.ClientSession() as session:
        results = await asyncio.gather(*(fetch(session, url) for url in URLS))
    ok = [page for page in results if page is not None]
    print(f"成功 {len(ok)} 个，失败 {len(results) - len(ok)} 个")


asyncio.run(main())
