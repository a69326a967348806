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


async def main():
    # Mistake: calling the blocking function directly inside a coroutine blocks the whole event
    # loop; the downloads run one after another (1 + 3 + 2 = 6 seconds).
    pages = [fetch(url) for url in URLS]
    print(f'共下载 {len(pages)} 个页面')


asyncio.run(main())
