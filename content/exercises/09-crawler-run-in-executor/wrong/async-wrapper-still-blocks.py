import asyncio
import time

URLS = ['https://a.example/', 'https://b.example/', 'https://c.example/']
DELAYS = {'https://a.example/': 1, 'https://b.example/': 3, 'https://c.example/': 2}


def fetch(url):
    """一个不支持异步的下载函数（就像 requests.get）：time.sleep 会阻塞当前线程。"""
    print(f'开始下载 {url}')
    time.sleep(DELAYS[url])
    print(f'下载完成 {url}')
    return f'<html>{url}</html>'


async def fetch_async(url):
    # Mistake: wrapping a blocking call in `async def` does not make it asynchronous. There is no
    # await inside, so each task blocks the loop until its download is done.
    return fetch(url)


async def main():
    tasks = [asyncio.create_task(fetch_async(url)) for url in URLS]
    pages = await asyncio.gather(*tasks)
    print(f'共下载 {len(pages)} 个页面')


asyncio.run(main())
