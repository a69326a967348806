import asyncio


async def worker(fut):
    print('worker: 开始计算')
    await asyncio.sleep(1)
    print('worker: 计算完成')
    fut.set_result('42')


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()

    # Mistake: the deadlock is gone, but the answer is made up on the spot instead of being
    # computed by the worker; the worker never runs.
    fut.set_result('42')

    print('main: 等待结果')
    result = await fut
    print('main: 结果是', result)


asyncio.run(main())
