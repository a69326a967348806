import asyncio

import requests

URLS = ["https://a.example/", "https://b.example/", "https://c.example/"]


def fetch(url):
    """requests 不支持异步：requests.get 会一直占着当前线程，直到整个响应到达。"""
    print(f"开始下载 {url}")
    response = requests.get(url)
    print(f"下载完成 {url} {response.status_code} {len(response.text)} 字节")
    return response.text


async def main():
    # TODO: 让三个下载同时进行（fetch 里的 requests.get 是阻塞的，不能改成协程函数）
    pages = []
    print(f"共下载 {len(pages)} 个页面")


asyncio.run(main())
