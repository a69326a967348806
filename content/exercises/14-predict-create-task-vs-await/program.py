import asyncio


async def worker(name):
    print(f'{name} 开始')
    await asyncio.sleep(1)
    print(f'{name} 结束')


async def main():
    task = asyncio.create_task(worker('A'))
    print('main: 任务已创建')
    await worker('B')
    print('main: B 已完成')
    await task
    print('main: 全部完成')


asyncio.run(main())
