import asyncio


async def worker(fut):
    print('worker: 开始计算')
    await asyncio.sleep(1)
    print('worker: 计算完成')
    fut.set_result('42')


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()

    # The task must exist before main suspends on `await fut`: afterwards main never runs again.
    task = asyncio.create_task(worker(fut))

    print('main: 等待结果')
    result = await fut
    print('main: 结果是', result)
    await task


asyncio.run(main())
